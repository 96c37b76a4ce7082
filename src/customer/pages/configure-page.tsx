import { Link, useParams } from 'react-router';
import { useCatalog } from '../api/catalogs.ts';
import { QueryState } from '../components/query-state.tsx';
import { ConfigureSession } from '../session/configure-session.tsx';

export function ConfigurePage() {
  const { catalogId = '' } = useParams();
  const { data, isPending, error } = useCatalog(catalogId);
  return (
    <QueryState isPending={isPending} error={error}>
      {() =>
        data ? (
          <>
            <header className="catalog-head compact">
              <p className="breadcrumb">
                <Link to="/">Products</Link> / {data.name}
              </p>
              <h1>Configure your {data.name}</h1>
            </header>
            <ConfigureSession key={`${data.id}@${data.version}`} catalog={data} />
          </>
        ) : null
      }
    </QueryState>
  );
}
