/** Light, dark, or whatever the device prefers; kept in a cookie so the server renders it right. */
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];
export const themeCookieName = 'kring_theme';

export function toTheme(value: string | undefined): Theme {
	return (themes as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
