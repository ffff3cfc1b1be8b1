"""The administrators' area: accounts, survey rounds and the registry."""
