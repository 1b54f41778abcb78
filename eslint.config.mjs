import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The engine runs in plain Node (CLI, tests, web mode): Electron stays out of it.
    files: ['src/main/engine/**', 'src/main/cli/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    // Electron (ipcMain, ipcRenderer, BrowserWindow...) is touched only by the desktop
    // shell's edge: the entry, the IPC binding, the window, the secret box and the preload.
    // Everything else reaches the UI through the typed contract.
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    ignores: [
      'src/main/index.ts',
      'src/main/ipc/**',
      'src/main/window/**',
      'src/main/secrets/**',
      'src/preload/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only src/main/index.ts, src/main/{ipc,window,secrets} and src/preload may import electron.',
            },
          ],
          patterns: [{ group: ['electron/*'], message: 'Electron stays in the desktop shell.' }],
        },
      ],
    },
  },
)
