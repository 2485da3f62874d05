"""Document generation: kallelse, handlingar, protokoll, utdrag. Renderers take plain data, never widgets."""
