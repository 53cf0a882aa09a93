import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/**
 * The progressive enhancement every form uses: marks the form busy while it submits (no double
 * posts), and after a refusal moves focus to the first field in error, or the form's message.
 */
export const submitting: SubmitFunction = ({ formElement }) => {
	formElement.setAttribute('data-submitting', '');
	return async ({ result, update }) => {
		await update();
		formElement.removeAttribute('data-submitting');
		if (result.type === 'failure') {
			await tick();
			const target = formElement.querySelector<HTMLElement>('[aria-invalid="true"]') ?? document.querySelector<HTMLElement>('.form-error');
			target?.focus();
		}
	};
};

/**
 * For preferences that change the whole document (language, theme): after the redirect, load
 * the page afresh so every string and the <html> attributes follow.
 */
export const reloading: SubmitFunction = ({ formElement }) => {
	formElement.setAttribute('data-submitting', '');
	return async ({ result, update }) => {
		if (result.type === 'redirect') window.location.assign(result.location);
		else await update();
	};
};
