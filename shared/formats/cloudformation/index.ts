export { exportCloudFormation, cloudFormationTemplate } from './export-cloudformation.js';
export { importCloudFormation, isCloudFormationTemplate } from './import-cloudformation.js';
export { parseCloudFormationText } from './parse-cloudformation-text.js';
