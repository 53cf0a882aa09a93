// Every table Kring has: the core (people, organisation, sessions, outbox, audit) here, and each
// domain's own tables in its module (src/lib/server/<domain>/schema.ts), re-exported below so that
// drizzle-kit and the typed `db` see them all. Domain schemas import core tables from './core'.
export * from './core';
export * from '../../knowledge/schema';
export * from '../../flex/schema';
export * from '../../growth/schema';
export * from '../../opportunities/schema';
export * from '../../pulse/schema';
export * from '../../xla/schema';
export * from '../../alumni/schema';
export * from '../../events/schema';
export * from '../../calendar/schema';
export * from '../../vacancies/schema';
