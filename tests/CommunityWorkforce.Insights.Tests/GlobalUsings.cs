// TestKit (the real host, JSON calls, roster builders) is what every file of this suite uses.
global using CommunityWorkforce.TestKit;
