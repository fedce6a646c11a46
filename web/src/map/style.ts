// The maps' style: a plain background under the Grid service's own layers. Production may name a raster tile
// source in the console host's settings (Platform:Web:MapTiles, WGS-84 coordinates, not GCJ-02 offset tiles);
// no national borders are drawn by the console itself.
import type { StyleSpecification } from 'maplibre-gl';

interface ConsoleSettings {
  mapTiles: string | null;
  mapAttribution: string | null;
}

let settings: Promise<ConsoleSettings> | null = null;

function load(): Promise<ConsoleSettings> {
  settings ??= fetch('/console-settings.json')
    .then((r) => (r.ok ? (r.json() as Promise<ConsoleSettings>) : { mapTiles: null, mapAttribution: null }))
    .catch(() => ({ mapTiles: null, mapAttribution: null }));
  return settings;
}

export async function mapStyle(): Promise<StyleSpecification> {
  const { mapTiles, mapAttribution } = await load();
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f5' } }],
  };
  if (mapTiles) {
    style.sources.tiles = { type: 'raster', tiles: [mapTiles], tileSize: 256, attribution: mapAttribution ?? undefined };
    style.layers.push({ id: 'tiles', type: 'raster', source: 'tiles' });
  }

  return style;
}
