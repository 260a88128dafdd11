"""The main window: the case list and the open case side by side, toolbar and status bar."""
