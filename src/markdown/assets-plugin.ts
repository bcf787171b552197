import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Asset } from '../content/types.js';
import type { MarkdownEnv } from './env.js';

const dataUris = new WeakMap<Asset, string>();

/** The asset as a `data:` URL, so outputs are self-contained and rendering needs no file access. */
export function assetDataUri(asset: Asset): string {
  let uri = dataUris.get(asset);
  if (!uri) {
    uri = `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`;
    dataUris.set(asset, uri);
  }
  return uri;
}

function rewrite(tokens: Token[], assets: ReadonlyMap<string, Asset>): void {
  for (const token of tokens) {
    if (token.type === 'image') {
      const asset = assets.get(token.attrGet('src') ?? '');
      if (asset) token.attrSet('src', assetDataUri(asset));
    }
    if (token.children) rewrite(token.children, assets);
  }
}

/** markdown-it plugin: replaces local image paths with the loaded asset's data URL. */
export function assetsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('briefkit_assets', (state) => {
    const assets = (state.env as MarkdownEnv).assets;
    if (assets && assets.size > 0) rewrite(state.tokens, assets);
  });
  // Marp reads each image's URL while parsing inline content (its `marpit_parse_image` rule) and builds
  // `![bg]` backgrounds from that copy, so in a Marp engine the path must be rewritten before that rule runs.
  const marpImageRule = 'marpit_parse_image';
  const inlineRewrite = (state: { tokens: Token[]; env: unknown }): boolean => {
    const assets = (state.env as MarkdownEnv).assets;
    if (assets && assets.size > 0) rewrite(state.tokens, assets);
    return false;
  };
  try {
    md.inline.ruler2.before(marpImageRule, 'briefkit_assets_inline', inlineRewrite);
  } catch {
    // Not a Marp engine (the report's markdown-it): the core rule above is enough.
  }
}
