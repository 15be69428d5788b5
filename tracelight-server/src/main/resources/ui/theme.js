// Light or dark: the system's choice until the user picks one, remembered in localStorage.
const KEY = 'tracelight.theme';

export function initTheme(button) {
  const apply = (theme) => {
    if (theme) document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
    const dark = theme ? theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    button.setAttribute('aria-pressed', String(dark));
    button.textContent = dark ? 'Light theme' : 'Dark theme';
  };
  apply(localStorage.getItem(KEY));
  button.addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark'
      || (!document.documentElement.dataset.theme
        && matchMedia('(prefers-color-scheme: dark)').matches) ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    apply(next);
  });
}
