"""Packaging and deployment: the bundle spec's helpers (build_info, icon, bundle_size), the
Inno Setup script, the Linux .desktop entry and the system libraries Qt needs. A package, so
that PyPI's unrelated `installer` distribution can never shadow it."""
