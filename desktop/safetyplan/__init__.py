"""The safety plan (veiligheidsplan) of a case, and the team lead's review of it."""
