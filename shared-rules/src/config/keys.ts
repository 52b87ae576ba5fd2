// The keys a config may hold, read from the schemas themselves so a new key needs one edit, not two.
import configSchema from '../../config.schema.json';
import ruleSchema from '../../rule.schema.json';

export const TOP_KEYS = Object.keys(configSchema.properties);
export const RULE_KEYS = Object.keys(ruleSchema.properties);
export const CONTEXT_KEYS = Object.keys(ruleSchema.properties.context.properties);
