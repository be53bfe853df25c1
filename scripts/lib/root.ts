/** The project's folder (the one with package.json), wherever a script sits under scripts/. */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
