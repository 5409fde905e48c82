export { default } from '@poortwachter/infra/eslint-config';
