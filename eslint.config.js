// ESLint flat config: typescript-eslint (type-aware) + Figma's own plugin rules
// (@figma/eslint-plugin-figma-plugins catches the sync APIs that throw under
// documentAccess "dynamic-page", FIGMA.md).
import figmaPlugin from '@figma/eslint-plugin-figma-plugins'
import tseslint from 'typescript-eslint'

// Each source context is linted against the tsconfig that type-checks it, so the
// type-aware rules see the same globals as `npm run typecheck`.
const tsconfigs = [
  './tsconfig.main.json',
  './tsconfig.ui.json',
  './tsconfig.pure.json',
  './tsconfig.cli.json',
]

export default tseslint.config(
  { ignores: ['build/**', 'coverage/**', 'node_modules/**', 'bench/results.json'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    plugins: { '@figma/figma-plugins': figmaPlugin },
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      ...figmaPlugin.flatConfigs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // The code base writes `xs[i]!` on purpose: without noUncheckedIndexedAccess the
      // `!` changes no type, but it marks where an index is known to be in range.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Promise-returning handlers are common in Preact props and figma.on(...).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
)
