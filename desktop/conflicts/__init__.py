"""The conflict inbox: every open conflict, and the side-by-side dialog that resolves one."""
