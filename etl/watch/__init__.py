"""Keep the record current: watched feeds and listing pages (sources.toml), checked politely."""
