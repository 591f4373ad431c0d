/** Built-in name lists for the synthetic people, grouped by the background a name is common in. */

export type NameBackground =
  | 'british'
  | 'irish'
  | 'european'
  | 'indian'
  | 'pakistani'
  | 'bangladeshi'
  | 'chinese'
  | 'caribbean'
  | 'african'
  | 'arab';

interface NameList {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

const BRITISH_FAMILY = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  'Patterson', 'Harris', 'Lewis', 'Hughes', 'Edwards', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward',
  'Morris', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'Price', 'Bennett', 'Shaw', 'Griffiths',
  'Parker', 'Cook', 'Bailey', 'Richardson', 'Carter', 'Holmes', 'Mason', 'Webb', 'Simpson', 'Marshall',
  'Lloyd', 'Pearce', 'Barker', 'Fletcher', 'Rowley', 'Bradley', 'Hodgkinson', 'Wheeler', 'Bishop', 'Cartwright',
  'Perkins', 'Hartley', 'Palmer', 'Dyer', 'Stokes', 'Ashworth', 'Preece', 'Bowen', 'Tranter', 'Whitehouse',
  'Pritchard', 'Bayliss', 'Hadley', 'Gough', 'Millward', 'Bloxham', 'Cotterill', 'Ingram', 'Jukes', 'Onions',
] as const;

const LISTS: Record<NameBackground, NameList> = {
  british: {
    female: [
      'Amelia', 'Charlotte', 'Emily', 'Sophie', 'Jessica', 'Hannah', 'Lauren', 'Rebecca', 'Laura', 'Sarah',
      'Emma', 'Gemma', 'Claire', 'Rachel', 'Nicola', 'Helen', 'Katie', 'Chloe', 'Megan', 'Holly',
      'Lucy', 'Amy', 'Victoria', 'Joanne', 'Louise', 'Kirsty', 'Danielle', 'Natalie', 'Beth', 'Abigail',
      'Ellie', 'Georgia', 'Olivia', 'Jade', 'Stacey', 'Karen', 'Julie', 'Alison', 'Tracey', 'Dawn',
    ],
    male: [
      'James', 'Thomas', 'Daniel', 'Matthew', 'Christopher', 'Andrew', 'David', 'Michael', 'Richard', 'Robert',
      'Paul', 'Mark', 'Stephen', 'Lee', 'Craig', 'Adam', 'Ben', 'Luke', 'Samuel', 'Joshua',
      'Ryan', 'Jack', 'Liam', 'Oliver', 'Harry', 'George', 'Jamie', 'Dean', 'Gareth', 'Simon',
      'Neil', 'Darren', 'Scott', 'Tom', 'Alex', 'Callum', 'Jordan', 'Kieran', 'Nathan', 'Gary',
    ],
    family: BRITISH_FAMILY,
  },
  irish: {
    female: ['Siobhan', 'Niamh', 'Aoife', 'Ciara', 'Orla', 'Roisin', 'Mairead', 'Sinead', 'Grainne', 'Caitriona'],
    male: ['Sean', 'Ciaran', 'Declan', 'Padraig', 'Eoin', 'Conor', 'Niall', 'Liam', 'Donal', 'Cathal'],
    family: ['Murphy', 'Kelly', "O'Brien", 'Byrne', 'Ryan', "O'Sullivan", 'Walsh', 'McCarthy', 'Doyle', 'Gallagher', 'Quinn', 'Brennan'],
  },
  european: {
    female: ['Agnieszka', 'Katarzyna', 'Joanna', 'Ioana', 'Elena', 'Maria', 'Anna', 'Monika', 'Sofia', 'Giulia', 'Ana', 'Lucia'],
    male: ['Piotr', 'Tomasz', 'Marcin', 'Andrei', 'Mihai', 'Lukas', 'Marco', 'Jakub', 'Pawel', 'Stefan', 'Mateusz', 'Joao'],
    family: [
      'Kowalski', 'Nowak', 'Wisniewski', 'Popescu', 'Ionescu', 'Novak', 'Rossi', 'Silva', 'Santos', 'Horvath',
      'Kaminski', 'Lewandowski', 'Dumitru', 'Ferreira', 'Papadopoulos', 'Jankowski',
    ],
  },
  indian: {
    female: ['Priya', 'Anjali', 'Sunita', 'Harpreet', 'Manpreet', 'Simran', 'Kavita', 'Pooja', 'Neha', 'Jaspreet', 'Deepa', 'Meera'],
    male: ['Rajesh', 'Sanjay', 'Amit', 'Harjit', 'Gurpreet', 'Vikram', 'Arjun', 'Ravi', 'Sunil', 'Jaswinder', 'Anil', 'Rohan'],
    family: ['Patel', 'Singh', 'Kaur', 'Sharma', 'Gill', 'Sandhu', 'Johal', 'Mistry', 'Chauhan', 'Dhillon', 'Bains', 'Parmar', 'Sidhu', 'Mehta'],
  },
  pakistani: {
    female: ['Ayesha', 'Fatima', 'Saima', 'Nadia', 'Sana', 'Amina', 'Shazia', 'Rubina', 'Hina', 'Zainab', 'Sadia', 'Maryam'],
    male: ['Imran', 'Asif', 'Tariq', 'Usman', 'Bilal', 'Kamran', 'Zubair', 'Adnan', 'Faisal', 'Shahid', 'Hamza', 'Waqas'],
    family: ['Khan', 'Hussain', 'Ahmed', 'Akhtar', 'Iqbal', 'Mahmood', 'Ali', 'Aslam', 'Bashir', 'Rashid', 'Javed', 'Malik', 'Saleem'],
  },
  bangladeshi: {
    female: ['Nasreen', 'Shirin', 'Farhana', 'Taslima', 'Rokeya', 'Shamima', 'Nusrat', 'Sumaiya'],
    male: ['Abdul', 'Mohammed', 'Rahim', 'Jamal', 'Shafiq', 'Anwar', 'Rashed', 'Sohel'],
    family: ['Rahman', 'Uddin', 'Miah', 'Islam', 'Begum', 'Choudhury', 'Hoque', 'Ahmed', 'Khatun', 'Sarkar'],
  },
  chinese: {
    female: ['Mei', 'Li Na', 'Xiu', 'Yan', 'Jing', 'Hui', 'Ling', 'Wen'],
    male: ['Wei', 'Jun', 'Hao', 'Ming', 'Lei', 'Jian', 'Tao', 'Kai'],
    family: ['Chen', 'Wong', 'Li', 'Zhang', 'Liu', 'Wang', 'Lam', 'Cheung', 'Yang', 'Ho'],
  },
  caribbean: {
    female: ['Marcia', 'Sharon', 'Donna', 'Jasmine', 'Tanisha', 'Simone', 'Keisha', 'Monique', 'Leanne', 'Shanice'],
    male: ['Leon', 'Marcus', 'Winston', 'Delroy', 'Tyrone', 'Andre', 'Jermaine', 'Dwayne', 'Curtis', 'Clive'],
    family: ['Campbell', 'Brown', 'Williams', 'Clarke', 'Thompson', 'Francis', 'Henry', 'Gordon', 'Reid', 'Graham', 'Bailey', 'Lindo'],
  },
  african: {
    female: ['Ngozi', 'Chiamaka', 'Abena', 'Adwoa', 'Folake', 'Blessing', 'Grace', 'Tendai', 'Nomsa', 'Funmilayo', 'Esther', 'Amara'],
    male: ['Chinedu', 'Kwame', 'Kofi', 'Oluwaseun', 'Emeka', 'Tunde', 'Tafadzwa', 'Samuel', 'Yaw', 'Obinna', 'Femi', 'Sipho'],
    family: ['Okafor', 'Adeyemi', 'Mensah', 'Osei', 'Moyo', 'Ndlovu', 'Okonkwo', 'Boateng', 'Adebayo', 'Asante', 'Eze', 'Banda', 'Owusu'],
  },
  arab: {
    female: ['Layla', 'Noor', 'Yasmin', 'Rania', 'Huda', 'Salma'],
    male: ['Omar', 'Khalid', 'Yusuf', 'Karim', 'Samir', 'Hassan'],
    family: ['Hassan', 'Mahmoud', 'Haddad', 'Nasser', 'Saleh', 'Mansour', 'Farah', 'Abdullah'],
  },
};

export function nameListFor(background: NameBackground): NameList {
  return LISTS[background];
}
