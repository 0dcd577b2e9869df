/** Layout shared by the one-field settings forms: the field grows, the button lines up with the input. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useFieldFormStyles = makeStyles({
  form: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, maxWidth: '560px' },
  field: { flexGrow: 1 },
  button: { marginTop: '26px' },
});
