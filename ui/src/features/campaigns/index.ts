// Public face of the campaigns feature: the plan area, and the timeline other pages show.
export { campaignsView } from './view';
export { barsOf } from './view';
export { campaignTimeline, type TimelineBar } from './timeline';
export { CAMPAIGN_KINDS, CAMPAIGN_STATUSES } from './model';
