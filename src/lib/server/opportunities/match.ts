import { gapAnalysis, readiness, type Asked } from '../growth/gaps';

/** How one required skill compares: met (at or above), below by `gap`, or missing (not assessed). */
export type SkillOutcome = 'meets' | 'below' | 'missing';

export interface SkillMatch extends Asked {
	current: number;
	gap: number;
	outcome: SkillOutcome;
}

/** A match score with everything it is made of: no other factor counts. */
export interface Match {
	/** 0–100: the levels there (capped at what is asked) over the levels asked, as for a track level. */
	score: number;
	skills: SkillMatch[];
}

/** Someone's self-assessment against what an opportunity asks, largest gap first. */
export function matchOf(asked: readonly Asked[], current: ReadonlyMap<string, number>): Match {
	const gaps = gapAnalysis(asked, current);
	return {
		score: readiness(gaps),
		skills: gaps.map((gap) => ({ ...gap, outcome: gap.gap === 0 ? 'meets' : gap.current === 0 ? 'missing' : 'below' }))
	};
}

/** Each required skill I want to grow adds this much to an opportunity's place in my list. */
export const growBonus = 10;

export interface Candidate {
	id: string;
	title: string;
	asked: Asked[];
}

export interface Recommendation<C extends Candidate> {
	opportunity: C;
	match: Match;
	/** Required skills I marked "want to grow", by name: the second half of the reason. */
	grows: string[];
	/** The match score plus `growBonus` per skill in `grows`: the order of the list. */
	rank: number;
}

/**
 * Open opportunities ranked for me: by my match, raised by the skills I want to grow. One with
 * nothing in common with me (no skill met at all, none I want to grow) is no recommendation.
 */
export function recommend<C extends Candidate>(candidates: readonly C[], current: ReadonlyMap<string, number>, wanted: ReadonlySet<string>, limit: number): Recommendation<C>[] {
	return candidates
		.map((opportunity) => {
			const match = matchOf(opportunity.asked, current);
			const grows = opportunity.asked.filter((skill) => wanted.has(skill.skillId)).map((skill) => skill.name).sort((a, b) => a.localeCompare(b));
			return { opportunity, match, grows, rank: match.score + growBonus * grows.length };
		})
		.filter((row) => row.match.score > 0 || row.grows.length > 0)
		.sort((a, b) => b.rank - a.rank || b.match.score - a.match.score || a.opportunity.title.localeCompare(b.opportunity.title))
		.slice(0, limit);
}
