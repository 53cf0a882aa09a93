// Growth paths: the skills framework and career tracks, self-assessment and gaps, employee-owned
// growth plans and mentoring. Routes import from here.
export * from './framework';
export * from './exchange';
export * from './gaps';
export * from './mentoring';
export * from './plans';
export * from './results';
export * from './skills';
