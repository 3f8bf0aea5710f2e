"""Value types shared by the matcher, the rules and the resolvers."""
