namespace GridGovernance.Contacts.Planning;

/// <summary>One independent subproblem: global indexes (ascending id) of its households and members.</summary>
internal sealed record Pool(long Key, int[] Households, int[] Members);
