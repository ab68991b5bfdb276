// Public face of the offerings feature (the catalog shown in the white-space area).
export { offeringsPanel } from './panel';
