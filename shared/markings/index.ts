// Markings: profiles as data, one marking's text, the combination rules, releasability and the authority block.
export * from './profile.js';
export * from './marking.js';
export * from './combine.js';
export * from './block.js';
export * from './release.js';
