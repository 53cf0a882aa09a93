// Classes from app.css for what varies with the data. Not inline styles: the CSP refuses them.

const step = (value: number, top: number) => Math.min(top, Math.max(0, Math.round(value)));

/** A heatmap cell for a score of 0–10: red through yellow to green in eleven steps, light enough for dark text. */
export const heatClass = (score: number) => `heat-${step(score, 10)}`;

/** A unit's row in a table of the organisation tree, indented by its depth (deeper ones as the deepest step). */
export const depthClass = (depth: number) => `depth-${step(depth, 6)}`;
