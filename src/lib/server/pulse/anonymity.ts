/**
 * Which groups' results a viewer may see, decided from answer counts alone. A group is a unit with
 * everything below it; `orgWide` is the whole organisation (and holds answers from people in no unit).
 *
 * The views a viewer gets form a tree of nested groups. From such views one can compute exactly the
 * "remainders": a shown group minus the shown groups directly inside it (every other difference or
 * sum is a union of remainders). So the rule: a group is shown only with at least `threshold`
 * answers, and groups are withheld until every remainder holds either no answers or at least
 * `threshold`. A withheld group's answers are then part of its parent's remainder: folded in.
 */
import { orgWide } from '../../pulse';
export { orgWide };

export interface TreeUnit {
	id: string;
	parentId: string | null;
}

export interface GroupTree {
	children: Map<string, string[]>;
	parentOf: Map<string, string>;
	/** Depth-first from `orgWide`. */
	order: string[];
}

/** The units as a tree under `orgWide`; a unit whose parent is unknown hangs from the top. */
export function groupTree(units: readonly TreeUnit[]): GroupTree {
	const known = new Set(units.map((unit) => unit.id));
	const children = new Map<string, string[]>([[orgWide, []]]);
	const parentOf = new Map<string, string>();
	for (const unit of units) {
		const parent = unit.parentId && known.has(unit.parentId) ? unit.parentId : orgWide;
		parentOf.set(unit.id, parent);
		const siblings = children.get(parent) ?? [];
		siblings.push(unit.id);
		children.set(parent, siblings);
	}
	const order: string[] = [];
	const visit = (id: string) => {
		order.push(id);
		for (const child of children.get(id) ?? []) visit(child);
	};
	visit(orgWide);
	return { children, parentOf, order };
}

/** Answers per group: each unit with everything below it. `direct` counts by unit (null: no unit). */
export function subtreeCounts(tree: GroupTree, direct: ReadonlyMap<string | null, number>): Map<string, number> {
	const totals = new Map<string, number>();
	for (const id of [...tree.order].reverse()) {
		let total = direct.get(id) ?? 0;
		if (id === orgWide) total += direct.get(null) ?? 0;
		for (const child of tree.children.get(id) ?? []) total += totals.get(child) ?? 0;
		totals.set(id, total);
	}
	return totals;
}

/**
 * The groups among `candidates` (what the viewer's role may ask for) that can be shown: each with at
 * least `threshold` answers, and no remainder between 1 and `threshold` − 1 answers.
 */
export function shownGroups(
	tree: GroupTree,
	direct: ReadonlyMap<string | null, number>,
	candidates: ReadonlySet<string>,
	threshold: number
): Set<string> {
	const totals = subtreeCounts(tree, direct);
	const shown = new Set([...candidates].filter((id) => (totals.get(id) ?? 0) >= threshold));
	const own = (id: string) => (direct.get(id) ?? 0) + (id === orgWide ? (direct.get(null) ?? 0) : 0);

	/** A shown group's remainder, and the shown groups right inside it. */
	const remainderOf = (id: string): { remainder: number; inner: string[] } => {
		let remainder = own(id);
		const inner: string[] = [];
		const walk = (node: string) => {
			for (const child of tree.children.get(node) ?? []) {
				if (shown.has(child)) inner.push(child);
				else {
					remainder += own(child);
					walk(child);
				}
			}
		};
		walk(id);
		return { remainder, inner };
	};

	// Withholding a group only grows its parent's remainder, so this ends after at most one pass per group.
	for (let changed = true; changed; ) {
		changed = false;
		for (const id of tree.order) {
			if (!shown.has(id)) continue;
			const { remainder, inner } = remainderOf(id);
			if (remainder === 0 || remainder >= threshold) continue;
			// Fold in the smallest group inside: it takes the fewest results away.
			const smallest = inner.reduce((best, candidate) => ((totals.get(candidate) ?? 0) < (totals.get(best) ?? 0) ? candidate : best));
			shown.delete(smallest);
			changed = true;
		}
	}
	return shown;
}
