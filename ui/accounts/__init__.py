"""Account forms: sign-in with discovery, registration, password reset, expired account."""
