/** Only a path on this site: "//evil.example" or "https://…" would send people elsewhere after sign-in. */
export function redirectTarget(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
}
