import { Box } from 'ink';
import type { StoreHashPrompt as PromptState } from '../reducer.ts';
import { Line } from './theme.tsx';

/** Asks once for the store hash of a custom domain, then whether to save it to the config file. */
export function StoreHashPrompt({ prompt }: { prompt: PromptState }) {
  return (
    <Box flexDirection="column">
      <Line tone="heading" bold>
        {`Store hash for ${prompt.domain}`}
      </Line>
      <Line wrap>This domain does not reveal its store hash.</Line>
      <Line wrap>Find it in the control panel URL (store-HASH.mybigcommerce.com) or in the API path of the new API account.</Line>
      <Line wrap>It is used for every change on this domain.</Line>
      <Line>{`Store hash: ${prompt.input}${prompt.step === 'hash' ? '_' : ''}`}</Line>
      {prompt.error ? <Line tone="error">{prompt.error}</Line> : null}
      {prompt.step === 'save' ? <Line>Save it to .bc-oauth-migrate.yml for next time? (y/n)</Line> : null}
    </Box>
  );
}
