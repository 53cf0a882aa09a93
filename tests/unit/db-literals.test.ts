import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { literalCount, literalWord } from '../../src/lib/server/db';

const dialect = new PgDialect();
const shown = (fragment: ReturnType<typeof sql>) => dialect.sqlToQuery(fragment);

describe('values written into a statement rather than bound', () => {
	it('writes a word from its list in as a quoted literal, with no parameter', () => {
		expect(shown(sql`shared @> array[${literalWord('years', ['years', 'role'])}]`)).toEqual({ sql: "shared @> array['years']", params: [] });
	});

	it('refuses a word that is not on the list, or that could close the quote', () => {
		expect(() => literalWord('skills', ['years', 'role'])).toThrow(RangeError);
		expect(() => literalWord("it's", ["it's"])).toThrow(RangeError);
	});

	it('writes a count in, and refuses what is no count', () => {
		expect(shown(sql`limit ${literalCount(20)}`)).toEqual({ sql: 'limit 20', params: [] });
		for (const bad of [-1, 1.5, Number.NaN]) expect(() => literalCount(bad)).toThrow(RangeError);
	});
});
