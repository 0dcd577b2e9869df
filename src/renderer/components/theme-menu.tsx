/** The header's theme switch: System (follows the OS), Light or Dark, remembered on this computer. */
import { Button, makeStyles, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, tokens, type MenuProps } from '@fluentui/react-components';
import { DarkThemeRegular } from '@fluentui/react-icons';
import { THEME_CHOICES, useThemeChoice, type ThemeChoice } from '../state/theme-choice';

const NAMES: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

const useStyles = makeStyles({
  trigger: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundPressed },
  },
});

export function ThemeMenu() {
  const styles = useStyles();
  const choice = useThemeChoice((s) => s.choice);
  const choose = useThemeChoice((s) => s.choose);
  const onChange: MenuProps['onCheckedValueChange'] = (_, data) => {
    const picked = data.checkedItems[0] as ThemeChoice | undefined;
    if (picked) choose(picked);
  };
  return (
    <Menu checkedValues={{ theme: [choice] }} onCheckedValueChange={onChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="transparent" className={styles.trigger} icon={<DarkThemeRegular />} aria-label={`Theme: ${NAMES[choice]}`}>
          Theme
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {THEME_CHOICES.map((value) => (
            <MenuItemRadio key={value} name="theme" value={value}>
              {NAMES[value]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
