"""The network map (Netwerkkaart): the case's people and ties as a genogram or an ecogram."""
