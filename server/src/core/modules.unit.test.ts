import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { defineAbilityFor, toGlobalId } from '@spotcheck/shared';
import { MODULES } from '../modules';
import { Node } from '../graphql/node';
import { Region } from '../modules/regions/region.entity';
import { EntityCatalog } from './entity-catalog';
import type { SpotCheckModule } from './module';

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

/** `node(id:)` and the request's loaders learn their types from the module list, and from nothing else. */
describe('the node types', () => {
  const catalog = EntityCatalog.of(MODULES);
  const uuid = '0b9e0d7c-5f4e-4c1a-9d2b-7a6c5e4f3a21';

  it('are the Node classes the modules declare, each an entity of its own module', () => {
    for (const module of MODULES) {
      for (const type of module.nodeTypes ?? []) {
        expect({ module: module.name, type: type.name, node: type.prototype instanceof Node, entity: module.entities?.includes(type) }).toEqual({
          module: module.name,
          type: type.name,
          node: true,
          entity: true,
        });
      }
    }
    // At least the types node(id:) answered to when they were a list of their own (graphql/loaders.ts,
    // node.resolver.ts); a new module's types join them from its manifest alone.
    expect(catalog.nodeTypeNames).toEqual(
      expect.arrayContaining([
        'Tenant',
        'Department',
        'User',
        'AuditEvent',
        'Session',
        'InspectionItem',
        'Inspector',
        'Recusal',
        'MarketEntity',
        'AnnualPlan',
        'Task',
        'Draw',
        'ImportJob',
        'JointParticipation',
        'Inspection',
        'Notification',
      ]),
    );
  });

  it('each have a read rule in the shared ability: a type nobody may read would answer NOT_FOUND forever', () => {
    const everyRole = defineAbilityFor({ id: 'u', tenantId: 't', roles: ['OFFICE', 'LEADER', 'SUPERVISOR', 'PLATFORM_OPERATOR'] });
    for (const name of catalog.nodeTypeNames) expect({ name, rules: everyRole.rulesFor('read', name as never).length > 0 }).toEqual({ name, rules: true });
  });

  it('resolve a new module’s node type from its manifest alone', () => {
    class Widget extends Node {}
    const widgets: SpotCheckModule = { name: 'widgets', entities: [Widget], nodeTypes: [Widget] };
    const withWidgets = EntityCatalog.of([...MODULES, widgets]);
    expect(withWidgets.nodeOf(toGlobalId('Widget', uuid.toUpperCase()))).toEqual({ name: 'Widget', type: Widget, id: uuid });
    expect(catalog.nodeOf(toGlobalId('Widget', uuid))).toBeNull();
    expect(withWidgets.nodeOf(toGlobalId('Widget', 'not-a-uuid'))).toBeNull();
    expect(withWidgets.nodeOf('xyz')).toBeNull();
  });

  it('refuses one type name declared by two modules', () => {
    class Widget extends Node {}
    const twice: SpotCheckModule[] = [
      { name: 'a', nodeTypes: [Widget] },
      { name: 'b', nodeTypes: [Widget] },
    ];
    expect(() => EntityCatalog.of(twice)).toThrow(/Widget/);
  });

  it('knows reference data by its key: read outside any tenant’s scope', () => {
    expect(catalog.referenceKeyOf(Region)).toBe('code');
    for (const name of catalog.nodeTypeNames) expect(catalog.referenceKeyOf(catalog.nodeOf(toGlobalId(name, uuid))!.type)).toBeUndefined();
  });
});
