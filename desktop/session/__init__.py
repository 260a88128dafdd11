"""First run, unlock and lock: who may see the window, and when the key leaves memory."""
