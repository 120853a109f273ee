namespace GridGovernance.WorkOrders;

/// <summary>How a matter reached the grid (群众下单的渠道).</summary>
public enum WorkOrderChannel
{
    /// <summary>Reported by a grid worker on patrol (网格员上报).</summary>
    GridWorkerReport,

    /// <summary>Filed by the resident in an app or mini-program (线上反映).</summary>
    App,

    /// <summary>Passed on from the 12345 citizen hotline (12345 热线).</summary>
    Hotline12345,

    /// <summary>Raised during a cadre's or liaison's visit (干部下访、联络员走访).</summary>
    Visit,
}
