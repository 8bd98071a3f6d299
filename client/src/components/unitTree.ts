// Builds the unit tree from the server's flat list (each unit names its parent), for trees and tree selects.
import type { Unit } from '../api/types.ts';

export interface UnitNode {
  key: string;
  value: string;
  title: string;
  unit: Unit;
  disabled?: boolean;
  children: UnitNode[];
}

/** Children follow the server's order (sortOrder, then name). `exclude` drops a unit and everything under it. */
export function unitTree(units: Unit[], exclude?: string): UnitNode[] {
  const excluded = exclude ? unitAndDescendants(units, exclude) : new Set<string>();
  const kept = units.filter((u) => !excluded.has(u.id));
  const nodes = new Map(
    kept.map((u) => [u.id, { key: u.id, value: u.id, title: u.name, unit: u, children: [] as UnitNode[] }]),
  );
  const roots: UnitNode[] = [];
  for (const u of kept) {
    const node = nodes.get(u.id);
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (!node) continue;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of a unit and all units under it. */
export function unitAndDescendants(units: Unit[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && result.has(u.parentId) && !result.has(u.id)) {
        result.add(u.id);
        grew = true;
      }
    }
  }
  return result;
}

/** The ids of the units above one, nearest first: what a tree must expand to show it. Stops at a loop or a gap. */
export function unitAncestors(units: Unit[], id: string): string[] {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const result: string[] = [];
  for (
    let parent = parentOf.get(id);
    parent && !result.includes(parent) && parent !== id;
    parent = parentOf.get(parent)
  )
    result.push(parent);
  return result;
}
