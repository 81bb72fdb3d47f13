using Mensageria.Hosting.Runners;

namespace Mensageria.Hosting.Lifecycle;

/// <summary>
/// Before anything starts: can every resource run here? All problems are reported at once, each
/// saying what to install or build, so a fresh machine is fixed in one round.
/// </summary>
internal static class ResourcePrerequisites
{
    public static void Check(IEnumerable<ResourceRunner> runners)
    {
        var problems = new List<string>();
        foreach (var runner in runners)
        {
            try
            {
                runner.CheckPrerequisites();
            }
            catch (ResourceStartException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new DistributedApplicationException(string.Join(Environment.NewLine, problems));
        }
    }
}
