import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { MODULES } from '../modules';

const MODULES_DIR = path.join(__dirname, '..', 'modules');

/** The classes a module's files declare with a decorator (`@Entity(…)`, `@Resolver(…)`), by folder. */
function declared(decorator: RegExp): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const folder of fs.readdirSync(MODULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = path.join(MODULES_DIR, folder.name);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const match of text.matchAll(new RegExp(`${decorator.source}[\\s\\S]*?export class (\\w+)`, 'g'))) {
        if (!found.has(folder.name)) found.set(folder.name, new Set());
        found.get(folder.name)!.add(match[1]!);
      }
    }
  }
  return found;
}

/** Adding a module touches its folder and `modules/index.ts`: this finds what a module forgot to declare. */
describe('the module list', () => {
  it('names every module folder once, under its folder’s name', () => {
    const folders = fs
      .readdirSync(MODULES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(MODULES_DIR, d.name, 'module.ts')));
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders.map((d) => d.name).sort());
  });

  it('holds every entity and every resolver a module declares, in that module', () => {
    for (const [kind, decorator] of [
      ['entities', /@Entity\(/],
      ['resolvers', /@Resolver\(/],
    ] as const) {
      for (const [folder, classes] of declared(decorator)) {
        const module = MODULES.find((m) => m.name === folder);
        const listed = new Set((module?.[kind] ?? []).map((c) => c.name));
        expect({ folder, kind, missing: [...classes].filter((c) => !listed.has(c)) }).toEqual({ folder, kind, missing: [] });
      }
    }
  });
});
