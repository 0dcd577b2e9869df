// Marks the page with the theme a person chose (Light or Dark) before its first paint, so a first screen rendered by main shows in it.
try {
  const choice = localStorage.getItem('pal-desk.theme');
  if (choice === 'light' || choice === 'dark') document.documentElement.dataset.theme = choice;
} catch {
  // Storage refused: the page follows the operating system.
}
