"""Exchange of portfolio files between teams: export (slices), untrusted reading, merge."""
