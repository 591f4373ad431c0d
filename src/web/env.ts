import type { Config } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import type { Principal } from '#src/auth/permissions.ts';
import type { OrgTree } from '#src/org/tree.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** The only source of "now" for request handling; tests pass a fixed clock. */
  clock: () => Date;
}

export type AppEnv = {
  Variables: AppDeps & {
    requestId: string;
    principal: Principal | undefined;
    sessionToken: string | undefined;
    csrfToken: string;
    /** The org tree as it stands today, loaded once per request when first asked for. */
    orgTree: () => Promise<OrgTree>;
  };
};
