// Keeps the import progress page current: polls the run's status and goes to the result when done.
const container = document.querySelector('[data-import-progress]');
const bar = document.getElementById('import-progress');
const text = document.getElementById('import-progress-text');
const number = (n) => n.toLocaleString('en-GB');

async function poll() {
  try {
    const response = await fetch(container.dataset.importProgress, { headers: { accept: 'application/json' } });
    if (response.ok) {
      const status = await response.json();
      if (status.location) {
        window.location.assign(status.location);
        return;
      }
      const p = status.progress;
      if (p.phase === 'writing') {
        bar.max = Math.max(p.rowsRead, 1);
        bar.value = p.rowsWritten;
        text.textContent = `Writing: ${number(p.rowsWritten)} of ${number(p.rowsRead)} rows`;
      } else {
        bar.max = Math.max(p.totalBytes, 1);
        bar.value = p.bytesRead;
        text.textContent = `Checking: ${number(p.rowsRead)} rows read`;
      }
    }
  } catch {
    // A failed poll is retried; the Refresh link still works.
  }
  setTimeout(poll, 1000);
}

if (container && bar && text) setTimeout(poll, 1000);
