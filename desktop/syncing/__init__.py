"""Running the sync engine in the background, and telling the window what it did."""
