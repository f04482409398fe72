import { ensureWebBuilt } from '../serve/index.js';

// `npm start` runs this first: a fresh clone (or changed sources) gets a production build, an
// up-to-date one starts at once.
ensureWebBuilt();
