import frontend, { consumerRules } from '@poortwachter/ui/eslint-config';

export default [...frontend, consumerRules];
