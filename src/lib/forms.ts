/** What a form action sends back when it refuses input: values to refill, a message per field. */
export interface FormFailure {
	values: Record<string, string | string[]>;
	errors: Record<string, string>;
	/** About the form as a whole (e.g. "wrong email or password"). */
	message?: string;
}

export type FormResult = Partial<FormFailure> & { saved?: boolean; notice?: string };

/** The submitted value for a field, or the fallback (the stored value) before any submission. */
export function valueOf(form: FormResult | null | undefined, name: string, fallback: string | null | undefined = ''): string {
	const value = form?.values?.[name];
	if (value === undefined) return fallback ?? '';
	return Array.isArray(value) ? (value[0] ?? '') : value;
}
