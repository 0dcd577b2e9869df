/** Card headers whose title and description stay inside the card: long names and UPNs end in an ellipsis (full text in a tooltip), badges keep their words. */
import { makeStyles } from '@fluentui/react-components';

export const useCardHeaderStyles = makeStyles({
  /** Lets the middle column shrink below its text's width instead of pushing the action (badges) out of the card. */
  header: { gridAutoColumns: 'min-content minmax(0, 1fr) min-content' },
  /** One line, cut with an ellipsis. */
  line: { display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});
