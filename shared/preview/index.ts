export { previewPattern, previewParameters, type PreviewResult } from './preview-pattern.js';
export { indexItems } from './index-items.js';
export { evaluateRequest, type EvaluationResult } from './evaluate-request.js';
export { compareUtf8, compareNumbers, compareBinary, compareScalars, valuesEqual } from '../model/compare-values.js';
