import { m } from '$lib/paraglide/messages';

/** Labels for growth's stored vocabularies, in the reader's language. */
export const trackKindLabel = (kind: string) => ({ craft: m.growth_kind_craft(), management: m.growth_kind_management() })[kind] ?? kind;
export const trackKindOptions = () => ['craft', 'management'].map((value) => ({ value, label: trackKindLabel(value) }));

export const activityKindLabel = (kind: string) =>
	({
		course: m.growth_activity_course(),
		book: m.growth_activity_book(),
		mentoring: m.growth_activity_mentoring(),
		stretch: m.growth_activity_stretch(),
		conference: m.growth_activity_conference(),
		gig: m.growth_activity_gig()
	})[kind] ?? kind;
export const activityKindOptions = () => ['course', 'book', 'mentoring', 'stretch', 'conference', 'gig'].map((value) => ({ value, label: activityKindLabel(value) }));

/** What each step of the 1–5 proficiency scale means. */
export const proficiencyMeaning = (level: number) =>
	[m.growth_proficiency_1, m.growth_proficiency_2, m.growth_proficiency_3, m.growth_proficiency_4, m.growth_proficiency_5][level - 1]?.() ?? '';
export const proficiencyOptions = () => [1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: `${level} · ${proficiencyMeaning(level)}` }));
